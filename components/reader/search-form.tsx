import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** A plain GET form to /search (works without JavaScript). */
export function SearchForm({ defaultValue = "", id = "search-q" }: { defaultValue?: string; id?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block text-sm font-medium">
          Search answers
        </label>
        <input id={id} name="q" type="search" defaultValue={defaultValue} maxLength={200} className={inputClass()} />
      </div>
      <button type="submit" className={buttonClass("primary")}>
        Search
      </button>
    </form>
  );
}
