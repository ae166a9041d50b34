import { type AppBskyFeedPost, AtpAgent } from '@atproto/api';
import type { Page } from 'playwright-core';
import { type BlueskyNetwork, startBlueskyNetwork, type TestAccount } from '../server/src/test/bluesky-network.ts';
import { launch } from './browser.ts';
import startServer from './global-setup.ts';

export type BlueskyJourney = {
  baseUrl: string;
  page: Page;
  network: BlueskyNetwork;
  account: TestAccount;
  /** What the PDS itself holds in the account's repository: no AppView in between. */
  postsOnPds(): Promise<{ uri: string; cid: string; value: AppBskyFeedPost.Record }[]>;
  close(): Promise<void>;
};

/**
 * The product on a fresh data dir (with `env` added), Chromium, and a local PDS + PLC with one
 * account: what the journeys that publish to Bluesky start from.
 */
export async function startBlueskyJourney(accountName: string, env: Record<string, string> = {}) {
  let baseUrl = '';
  const project = { provide: (_key: 'baseUrl', value: string) => (baseUrl = value) };
  const [stopServer, browser] = await Promise.all([
    startServer(project as unknown as Parameters<typeof startServer>[0], env),
    launch(),
  ]);
  // Last: the network points TMPDIR at its own folder until it closes, and the server and
  // Chromium should not inherit that.
  const network = await startBlueskyNetwork({ appView: false });
  const account = await network.createAccount(accountName);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  const journey: BlueskyJourney = {
    baseUrl,
    page,
    network,
    account,
    async postsOnPds() {
      const agent = new AtpAgent({ service: network.pdsUrl });
      const res = await agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post' });
      return res.data.records.map((r) => ({ uri: r.uri, cid: r.cid, value: r.value as AppBskyFeedPost.Record }));
    },
    async close() {
      await browser.close();
      await stopServer();
      await network.close();
    },
  };
  return journey;
}
