// Marks links that leave the site, so readers know before they click.
document.addEventListener("DOMContentLoaded", () => {
  for (const link of document.querySelectorAll(".prose a[href]")) {
    const url = new URL(link.getAttribute("href"), window.location.href);
    if (url.origin === window.location.origin || !url.protocol.startsWith("http")) continue;
    link.classList.add("external");
    link.setAttribute("rel", "noopener");
  }
});
