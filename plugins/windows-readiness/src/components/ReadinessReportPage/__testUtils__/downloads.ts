/** Captures `<a download>` clicks and object URLs, which jsdom lacks. */
export function captureDownloads() {
  const downloads: Array<{ href: string; download: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  let next = 0;
  const createObjectURL = jest.fn((blob: Blob) => {
    const url = `blob:test/${next++}`;
    blobs.set(url, blob);
    return url;
  });
  const revokeObjectURL = jest.fn();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function record(this: HTMLAnchorElement) {
      const href = this.getAttribute('href')!;
      downloads.push({ href, download: this.download, blob: blobs.get(href)! });
    });
  return {
    downloads,
    createObjectURL,
    revokeObjectURL,
    restore: () => click.mockRestore(),
  };
}
