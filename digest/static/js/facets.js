// Instant filters on the archive and search: ticking a box applies it at once. The page is
// fetched as without JavaScript, and its results, counts and filter summary replace the
// current ones; the address follows (so it can be bookmarked), focus stays on the box, and
// the new count is announced to screen readers. Without this script the form's buttons work.
(() => {
    const form = document.querySelector("form[data-instant-filters]");
    if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;
    const announce = form.querySelector("[data-filter-announce]");
    const disclosure = form.closest("details");
    // Parts of the page that a new filter changes (whichever the page has).
    const REGIONS = ["#results", ".archive-summary", ".facets-disclosure__summary"];
    let pending = null;

    form.classList.add("facets--instant");
    // A wide screen shows the filters beside the results: open the disclosure there.
    const wide = window.matchMedia("(min-width: 52rem)");
    const openOnWide = () => { if (wide.matches && disclosure) disclosure.open = true; };
    openOnWide();
    wide.addEventListener("change", openOnWide);

    const swap = (incoming) => {
        for (const selector of REGIONS) {
            const current = document.querySelector(selector);
            const replacement = incoming.querySelector(selector);
            if (current && replacement) current.replaceWith(replacement);
        }
        // The option lists: new counts and order; the box that was used gets focus back.
        const lists = form.querySelectorAll("fieldset ul");
        const fresh = incoming.querySelectorAll("form[data-instant-filters] fieldset ul");
        lists.forEach((list, i) => { if (fresh[i]) list.replaceChildren(...fresh[i].children); });
    };

    form.addEventListener("change", async (event) => {
        const box = event.target;
        if (!box.matches('input[type="checkbox"]')) return;
        const params = new URLSearchParams(new FormData(form));
        params.delete("page");
        const query = params.toString();
        const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
        if (pending) pending.abort();
        pending = new AbortController();
        form.setAttribute("aria-busy", "true");
        try {
            const response = await fetch(url, { signal: pending.signal, credentials: "same-origin" });
            if (!response.ok) throw new Error(String(response.status));
            const incoming = new DOMParser().parseFromString(await response.text(), "text/html");
            const focusedId = box.id;
            swap(incoming);
            window.history.pushState({ filters: query }, "", url);
            const again = document.getElementById(focusedId);
            if (again) again.focus();
            const count = document.querySelector("#results .result-count, .archive-summary .result-count");
            announce.textContent = count ? count.textContent.trim() : "";
        } catch (error) {
            if (error.name !== "AbortError") form.submit(); // the plain way still works
        } finally {
            form.removeAttribute("aria-busy");
        }
    });

    // Back and forward restore the filters the address names.
    window.addEventListener("popstate", () => window.location.reload());
})();
