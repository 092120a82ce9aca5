import { AssignForm } from "@/components/admin/assign-form";
import { AssignmentTable } from "@/components/admin/assignment-table";

export const metadata = { title: "Assignments · CXR Review" };

export default function AssignmentsPage() {
  return (
    <main className="space-y-8">
      <h1 className="text-2xl font-semibold">Assignments</h1>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Assign studies</h2>
        <AssignForm />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Tasks</h2>
        <AssignmentTable />
      </section>
    </main>
  );
}
