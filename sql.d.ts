// SQL migration files are bundled as text (esbuild loader / vite plugin), never read from disk at run time.
declare module '*.sql' {
  const text: string;
  export default text;
}
