import { TaskQueue } from "@/components/tasks/task-queue";

export const metadata = { title: "Tasks · CXR Review" };

// Annotators' queue (and any reader's double reads): studies assigned by an admin or by the automatic rules.
export default function TasksPage() {
  return (
    <main className="space-y-4" data-testid="tasks-page">
      <h1 className="text-2xl font-semibold">My tasks</h1>
      <TaskQueue />
    </main>
  );
}
