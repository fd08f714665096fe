import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/reader/site-url";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      { userAgent: "*", allow: "/", disallow: ["/dashboard", "/editor", "/admin", "/account", "/login", "/api/", "/reader/", "/static/"] },
    ],
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
