/**
 * Server rendering for the wrappers. `@lit/react` sets an element's props as properties from a
 * layout effect, which never runs on the server, so `renderToString` would print a bare
 * `<ics-consumer-card>`: no endpoint, no id, no variant until hydration. On the server (no
 * `document`), a wrapper made with `withServerAttributes` renders the tag itself with the
 * attribute spelling of every prop that has one (`consumer-id="0"`, `variant="compact"`,
 * `show-empty=""`), plus the plain HTML props (`id`, `className`, `style`, `slot`, `aria-*`,
 * children); objects (`wallet`) and event props stay for the client. In the browser the wrapper is
 * `@lit/react`'s component, unchanged; it suppresses the hydration warning for those attributes.
 */
import * as React from 'react';
import type { ReactiveElement } from 'lit';

export function withServerAttributes<C extends object>(component: C, tagName: string, elementClass: typeof ReactiveElement): C {
  if (typeof document !== 'undefined') return component;
  const attributes = new Map<string, string>();
  for (const [name, options] of elementClass.elementProperties) {
    if (typeof name !== 'string' || options.attribute === false) continue;
    attributes.set(name, typeof options.attribute === 'string' ? options.attribute : name.toLowerCase());
  }
  const Server = (props: Record<string, unknown>) => {
    const html: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      const attribute = attributes.get(key);
      if (attribute) {
        if (typeof value === 'string' || typeof value === 'number') html[attribute] = String(value);
        else if (value === true) html[attribute] = '';
      } else if (key === 'ref' || typeof value === 'function' || key in elementClass.prototype) {
        // A ref, an event prop or a property without an attribute (an object): the client's.
        continue;
      } else {
        html[key === 'className' ? 'class' : key] = value;
      }
    }
    return React.createElement(tagName, html);
  };
  Server.displayName = (component as { displayName?: string }).displayName;
  return Server as unknown as C;
}
