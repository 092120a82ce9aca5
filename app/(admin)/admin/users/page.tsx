import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserTable } from "@/components/admin/user-table";
import { requireRole } from "@/app/_auth/require-role";

export const metadata = { title: "Users · CXR Review" };

export default async function UsersPage() {
  const me = await requireRole(["admin"]);
  return (
    <main className="space-y-8">
      <h1 className="text-2xl font-semibold">Users</h1>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Add a user</h2>
        <CreateUserForm />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">All users</h2>
        <UserTable currentUserId={me.userId} />
      </section>
    </main>
  );
}
