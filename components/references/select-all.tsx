"use client";

/** Ticks or clears every reference checkbox of the export form on this page. */
export function SelectAllReferences({ form }: { form: string }) {
  return (
    <input
      type="checkbox"
      aria-label="Select every reference on this page"
      className="h-4 w-4"
      onChange={(event) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=ids][form="${form}"]`);
        boxes.forEach((box) => (box.checked = event.currentTarget.checked));
      }}
    />
  );
}
