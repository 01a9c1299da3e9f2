/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets tests build into their own folder without touching the developer's `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  images: { unoptimized: true },
};

export default nextConfig;
