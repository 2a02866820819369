import type { Download, SecretStore } from "./host";

/** The add-in's own storage: the page's localStorage, on this machine only, never in the workbook. */
export const localSecrets: SecretStore = {
  get: (name) => localStorage.getItem(name),
  set: (name, value) => (value === null ? localStorage.removeItem(name) : localStorage.setItem(name, value)),
};

/** Hands a file to the browser's own download. */
export function saveDownload(file: Download): void {
  const url = URL.createObjectURL(new Blob([file.content as BlobPart], { type: file.mime }));
  const link = Object.assign(document.createElement("a"), { href: url, download: file.name });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
