// Warns before unsaved changes are lost: when the tab closes or reloads (the browser asks), and
// when a link inside the app is followed (the app asks).
import { useEffect, useRef } from "preact/hooks";

import { t } from "../../../i18n";

/** The link a click follows to another page of the app, if it does. */
function linkAway(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!anchor || anchor.target === "_blank" || anchor.origin !== location.origin) return null;
  return anchor.pathname === location.pathname ? null : anchor;
}

export function useLeaveGuard(dirty: boolean): void {
  const current = useRef(dirty);
  current.current = dirty;
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!current.current) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers ask only when this is set
    };
    // In the capture phase, before the router's own handler, which leaves a prevented click alone.
    const click = (event: MouseEvent) => {
      if (current.current && linkAway(event) && !confirm(t("authoring.leave.confirm"))) event.preventDefault();
    };
    addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, []);
}
