"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: Array<{ key: string; href: string; label: string }> }) {
  const pathname = usePathname();
  const active = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  // The most specific match wins, so "Register" and not "Cases" is current on /cases/new.
  const current = items.filter((i) => active(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.key;
  return (
    <ul data-testid="nav">
      {items.map((item) => (
        <li key={item.key}>
          <Link href={item.href} aria-current={item.key === current ? "page" : undefined} data-nav={item.key}>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
