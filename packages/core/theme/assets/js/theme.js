// Bengal default theme: dark/light toggle, mobile navigation, copy buttons on code blocks.
(() => {
  const root = document.documentElement;
  const KEY = "bengal-theme";

  const prefersDark = () => window.matchMedia("(prefers-color-scheme: dark)").matches;
  const current = () => root.getAttribute("data-theme") || (prefersDark() ? "dark" : "light");

  function setTheme(theme) {
    root.setAttribute("data-theme", theme);
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Storage can be off (private mode); the choice then lasts for this page only.
    }
  }

  function init() {
    for (const button of document.querySelectorAll(".theme-toggle")) {
      button.addEventListener("click", () => setTheme(current() === "dark" ? "light" : "dark"));
    }

    const toggle = document.querySelector(".nav-toggle");
    const nav = document.getElementById("site-nav");
    if (toggle && nav) {
      const close = () => {
        nav.classList.remove("open");
        toggle.setAttribute("aria-expanded", "false");
      };
      toggle.addEventListener("click", () => {
        const open = nav.classList.toggle("open");
        toggle.setAttribute("aria-expanded", String(open));
      });
      document.addEventListener("keydown", (event) => {
        if (event.key === "Escape") close();
      });
      nav.addEventListener("click", (event) => {
        if (event.target instanceof Element && event.target.closest("a")) close();
      });
    }

    if (!navigator.clipboard) return;
    for (const pre of document.querySelectorAll(".prose pre")) {
      const wrapper = document.createElement("div");
      wrapper.className = "code-block";
      pre.parentNode.insertBefore(wrapper, pre);
      wrapper.appendChild(pre);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "copy-code";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code to clipboard");
      button.addEventListener("click", async () => {
        const code = pre.querySelector("code") || pre;
        try {
          await navigator.clipboard.writeText(code.textContent.replace(/\n$/, ""));
          button.textContent = "Copied";
          button.classList.add("copied");
        } catch {
          button.textContent = "Failed";
        }
        setTimeout(() => {
          button.textContent = "Copy";
          button.classList.remove("copied");
        }, 1600);
      });
      wrapper.appendChild(button);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
