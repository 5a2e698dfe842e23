// Files imported as text (Vite's `?raw`), e.g. the README for the checks that keep it honest.
declare module "*?raw" {
  const text: string;
  export default text;
}
