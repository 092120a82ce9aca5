/** Starts the browser's download of a same-origin URL, as clicking an `<a download>` to it would (for keyboard commands). */
export function downloadFile(href: string): void {
  const a = document.createElement("a");
  a.href = href;
  a.download = "";
  a.click();
}
