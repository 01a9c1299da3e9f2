import type { MetadataRoute } from "next";

/** The web manifest (served at /manifest.webmanifest): lets a browser add the dashboard to a home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "HF Model Picker",
    short_name: "Model Picker",
    description: "Pick Hugging Face Inference Providers models for OpenClaw and any OpenAI-compatible client",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#fbbf24",
    // Fixed URLs from public/: app/ file icons get hashed URLs, which a manifest cannot list.
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
