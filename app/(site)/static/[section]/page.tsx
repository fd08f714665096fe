import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardView } from "@/components/reader/board-view";
import { HomeView } from "@/components/reader/home-view";
import { PolicyView } from "@/components/reader/policy-view";

/**
 * Home (/), board (/board) and policy (/policy), rewritten here by next.config.js. A dynamic segment
 * with no static params keeps them out of the build (which has no data): each is rendered on its
 * first request, cached, and revalidated by lib/reader-cache.ts.
 */
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;

export function generateStaticParams(): { section: string }[] {
  return [];
}

const SECTIONS = {
  home: {
    view: HomeView,
    path: "/",
    title: undefined,
    description: "Medical answers written from cited sources and reviewed by our Medical Advisory Board.",
  },
  board: {
    view: BoardView,
    path: "/board",
    title: "Medical Advisory Board",
    description: "The clinicians who review our answers for medical accuracy.",
  },
  policy: {
    view: PolicyView,
    path: "/policy",
    title: "Editorial policy",
    description: "How we write, cite and review our medical answers.",
  },
} as const;

type Params = Promise<{ section: string }>;

const sectionOf = (name: string) => (Object.hasOwn(SECTIONS, name) ? SECTIONS[name as keyof typeof SECTIONS] : null);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const section = sectionOf((await params).section);
  if (!section) return { title: "Page not found" };
  return { ...(section.title ? { title: section.title } : {}), description: section.description, alternates: { canonical: section.path } };
}

export default async function StaticSectionPage({ params }: { params: Params }) {
  const section = sectionOf((await params).section);
  if (!section) notFound();
  const View = section.view;
  return <View />;
}
