import { getSiteSettings } from "@/lib/dal/settings";
import { renderWording } from "@/lib/markdown";

export function PolicyView() {
  const { editorialPolicy } = getSiteSettings();
  const { html } = renderWording(editorialPolicy, []);
  return (
    <div>
      <h1 className="mb-4 text-3xl font-semibold tracking-tight">Editorial policy</h1>
      <div className="prose-article" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
