import { listBoardMembers } from "@/lib/dal/reader";

export function BoardView() {
  const members = listBoardMembers();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="mb-2 text-3xl font-semibold tracking-tight">Our Medical Advisory Board</h1>
        <p className="text-muted">
          Board members review each answer for medical accuracy and sign off on the exact text before it is marked approved.
        </p>
      </div>
      {members.length === 0 ? (
        <p className="text-muted">Board profiles will appear here soon.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {members.map((m) => (
            <li key={m.name} className="rounded-md border border-slate-200 bg-white px-5 py-4">
              <h2 className="text-lg font-semibold">
                {m.name}
                {m.credentials && <span className="font-normal">, {m.credentials}</span>}
              </h2>
              {m.specialty && <p className="text-sm text-muted">{m.specialty}</p>}
              {m.bio && <p className="mt-2 text-sm">{m.bio}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
