/**
 * GraphiQL for analysts, from our own bundle: React and GraphiQL are bundled here (never a CDN), the page is
 * served by the server at GET /graphql, and queries go to POST /graphql with the browser's session cookie.
 * The first visit opens one tab per example of examples.json (docs/graphql.md shows the same queries).
 */
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import examples from '../examples.json';
import './page.css';

const ENDPOINT = '/graphql';

/** The session's CSRF token, asked for once: mutations must carry it in `x-csrf-token` (see docs/security.md). */
let csrf: Promise<string | null> | null = null;
const csrfToken = (): Promise<string | null> =>
  (csrf ??= fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: '{ session { csrfToken } }' }),
  })
    .then((r) => r.json() as Promise<{ data?: { session?: { csrfToken?: string } | null } }>)
    .then((b) => b.data?.session?.csrfToken ?? null)
    .catch(() => null));

/** Plain POST with the session cookie; the server's error responses (400 limits, 401/403 access) come back as JSON. */
const fetcher: GraphiQLProps['fetcher'] = async (params) => {
  const token = await csrfToken();
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

const container = document.getElementById('graphiql');
if (container) {
  createRoot(container).render(
    createElement(GraphiQL, {
      fetcher,
      defaultTabs: examples.map((e) => ({ query: e.query })),
      defaultEditorToolsVisibility: false,
      isHeadersEditorEnabled: false,
    }),
  );
}
