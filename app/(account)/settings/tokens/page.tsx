import { TokenManager } from "@/components/account/token-manager";

export const metadata = { title: "API tokens · CXR Review" };

export default function TokensPage() {
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Personal API tokens</h1>
      <p className="max-w-2xl text-sm text-slate-400">
        Machine clients (PACS routers, scripts, the training worker) call the API with <code>Authorization: Bearer &lt;token&gt;</code>.
        Tokens act as you, limited to their scopes. Only a hash is stored.
      </p>
      <TokenManager />
    </main>
  );
}
