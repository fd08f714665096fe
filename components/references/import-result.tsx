import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ImportStage } from "./hooks/use-import-batches";

/** How many references were imported, which were skipped and why, and where the import stopped if it did. */
export function ImportResult({
  result,
  onImportAnother,
}: {
  result: Extract<ImportStage, { kind: "saved" }>;
  onImportAnother: () => void;
}) {
  return (
    <div className="space-y-4">
      <Alert tone={result.failed ? "error" : "success"} live>
        <p>
          Imported {result.created} {result.created === 1 ? "reference" : "references"}.
          {result.failed ? ` The import stopped: ${result.failed}` : ""}
        </p>
        {result.skipped.length > 0 && (
          <ul className="mt-2 list-disc pl-5">
            {result.skipped.map((s) => (
              <li key={s.citekey}>
                Skipped {s.citekey}: {s.reason}
              </li>
            ))}
          </ul>
        )}
      </Alert>
      <div className="flex gap-3">
        <Link href="/editor/references" className="self-center">
          Go to the library
        </Link>
        <Button variant="secondary" onClick={onImportAnother}>
          Import another file
        </Button>
      </div>
    </div>
  );
}
