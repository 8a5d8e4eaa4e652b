import { z } from 'zod';
import { EMBED_SIZE, embedSnippet } from '../../../common/embed-snippet.js';
import { isFramable, VIEW_TITLES, viewNamed, viewTitle } from '../../../common/views.js';
import { NETWORKS, regionNamed } from '../../analytics/context.js';
import { networkRow } from '../../analytics/labels.js';
import type { Db } from '../../db/gateway.js';
import { dataVersion, versionToken } from '../../db/queries/data-version.js';
import { snapshotsOf } from '../../db/queries/snapshots.js';
import { today } from '../today.js';
import { HttpError, notFound } from '../errors.js';
import { integer, isValidDate, oneOf, query, text } from '../params.js';
import { defineRoute } from '../route-spec.js';

// oEmbed (https://oembed.com): a news CMS given a link to a view asks here for the HTML that embeds it.

export const PROVIDER_NAME = 'Teaching school networks';
const { width: WIDTH, height: HEIGHT } = EMBED_SIZE;

export interface OEmbed {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
}

/**
 * Whether the Host header names the URL's host. Compared as URLs compare them: the URL's host is lower-cased and
 * loses its scheme's default port, a Host header need not ('Registry.example', 'registry.example:80'), and a page
 * whose discovery link was made from such a header was refused as another site's.
 */
function sameHost(url: URL, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}

/** The page a URL names, if it is one of this server's views that may be embedded; else a 404 (oEmbed's rule). */
function embeddable(raw: string, host: string | undefined): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw notFound(`'${raw}' is not a URL`);
  }
  const ours = (url.protocol === 'http:' || url.protocol === 'https:') && sameHost(url, host);
  if (!ours || (url.pathname !== '/' && url.pathname !== '/index.html')) {
    throw notFound(`'${raw}' is not a page of this dashboard (${host ?? 'this server'})`);
  }
  const view = viewNamed(url.searchParams.get('view'));
  if (!isFramable(view)) {
    throw notFound(`the ${VIEW_TITLES[view]} view is not embedded: share its link`);
  }
  return url;
}

/** The view's network, as the page reads it (the first network when the link names none or another). */
const networkOf = (url: URL) =>
  (NETWORKS as readonly string[]).includes(url.searchParams.get('network') ?? '')
    ? url.searchParams.get('network')!
    : NETWORKS[0];

/**
 * The embedded page pinned as a published link must be: to the data version (v) and the date (as_at) it shows
 * now, so that it shows the same figures after new data arrives and as the calendar moves. A link pinned already
 * keeps its own.
 */
function pinned(db: Db, page: URL): URL {
  const src = new URL(page);
  const p = src.searchParams;
  if (!p.has('v')) p.set('v', versionToken(dataVersion(db)));
  if (!p.has('as_at'))
    p.set(
      'as_at',
      snapshotsOf(db, networkOf(page))
        .map((s) => s.as_at)
        .sort()
        .pop() ?? today(),
    );
  return src;
}

/**
 * 'Coverage map: Teaching schools, London, as at 12 March 2018'. A region is named as the registry names it, and
 * only when the link names one: a title quoted the link's own text, which any sentence could be put in.
 */
export function embedTitle(db: Db, url: URL): string {
  const p = url.searchParams;
  const asAt = p.get('as_at');
  const region = p.get('region');
  return viewTitle(viewNamed(p.get('view')), {
    network: networkRow(db, networkOf(url)).name,
    region: region ? (regionNamed(db, region)?.name ?? null) : null,
    asAt: asAt && isValidDate(asAt) ? asAt : null,
  });
}

export function oembed(
  db: Db,
  raw: string,
  host: string | undefined,
  max: { width?: number; height?: number },
): OEmbed {
  const page = pinned(db, embeddable(raw, host));
  // A user and password before the host ('https://user@host/') say nothing about the page: never in the iframe.
  page.username = '';
  page.password = '';
  const src = new URL(page);
  src.searchParams.set('embed', '1');
  const width = Math.min(WIDTH, max.width ?? WIDTH);
  const height = Math.min(HEIGHT, max.height ?? HEIGHT);
  const title = embedTitle(db, page);
  const html = embedSnippet(src.href, title, width, height);
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: PROVIDER_NAME,
    provider_url: `${page.protocol}//${page.host}/`,
    html,
    width,
    height,
  };
}

const oembedAnswer = z.object({
  version: z.literal('1.0'),
  type: z.literal('rich'),
  title: z.string().describe('The view, network, region and date the link shows.'),
  provider_name: z.string(),
  provider_url: z.string(),
  html: z
    .string()
    .describe(
      'An <iframe> of the page with ?embed=1 (every parameter of the link kept, v included), as wide as its ' +
        'column, and a script that sets its height to what the page says it needs.',
    ),
  width: z.number().int().positive().describe('600, or maxwidth when smaller.'),
  height: z.number().int().positive().describe('450, or maxheight when smaller.'),
});

export const oembedRoutes = [
  defineRoute({
    path: '/api/oembed',
    tag: 'embed',
    summary: 'oEmbed for a link to a view: the iframe that embeds it, so a news CMS embeds a pasted link.',
    description:
      'Rich type. url must be a page of this server (its Host) showing a view made for a frame (Overview, ' +
      'Coverage map, Progress); the others are shared by link only (404). ' +
      'Pages name this endpoint in <link rel="alternate" type="application/json+oembed">.',
    query: query({
      // text(): 'url: is required' was the answer to a url given twice or longer than 2,000 characters too.
      url: text(2000).describe('The page to embed: a link to a view of this dashboard.'),
      maxwidth: integer(1, 10_000, WIDTH).optional().describe('The widest the consumer can show.'),
      maxheight: integer(1, 10_000, HEIGHT).optional().describe('The tallest the consumer can show.'),
      format: oneOf(['json', 'xml']).default('json').describe('json; xml answers 501.'),
    }),
    errors: [404, 501],
    cache: false,
    response: oembedAnswer,
    handle: ({ db, query, host }) => {
      if (query.format === 'xml') throw new HttpError(501, "format 'xml' is not offered; ask for json");
      return oembed(db, query.url, host, { width: query.maxwidth, height: query.maxheight });
    },
  }),
];
