import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vetted", template: "%s · Vetted" },
  description: "Medical answers reviewed by a medical advisory board.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f6f6a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
