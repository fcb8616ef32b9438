"use client";

import { usePathname, useRouter } from "next/navigation";
import type { MouseEvent } from "react";

/**
 * The sidebar's links. They navigate within the app through the router, as `next/link` would, and
 * fetch the page ahead when pointed at or focused; a modified click (new tab, new window) is left
 * to the browser. `next/link` itself would add about 3 KB gzipped to every signed-in page.
 */
export function NavLinks({ items }: { items: Array<{ key: string; href: string; label: string }> }) {
  const pathname = usePathname();
  const router = useRouter();
  const navigate = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(href);
  };
  const active = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  // The most specific match wins, so "Register" and not "Cases" is current on /cases/new.
  const current = items.filter((i) => active(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.key;
  return (
    <ul data-testid="nav">
      {items.map((item) => (
        <li key={item.key}>
          <a
            href={item.href}
            aria-current={item.key === current ? "page" : undefined}
            data-nav={item.key}
            onClick={(event) => navigate(event, item.href)}
            onPointerEnter={() => router.prefetch(item.href)}
            onFocus={() => router.prefetch(item.href)}
          >
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
