import { AwsClient } from 'aws4fetch';
import { checkKey, type MediaStore, missing } from './media-store.ts';

export type S3Options = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** https://host/bucket/key instead of https://bucket.host/key (MinIO, Garage, s3rver). */
  forcePathStyle: boolean;
};

/** Any S3-compatible bucket, each request signed with SigV4 (aws4fetch: no AWS SDK weight). */
export function s3Store(options: S3Options): MediaStore {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: 's3',
  });
  const base = new URL(options.endpoint);
  const url = (key: string) => {
    const u = new URL(base);
    const safe = checkKey(key);
    if (options.forcePathStyle) u.pathname = `${u.pathname.replace(/\/$/, '')}/${options.bucket}/${safe}`;
    else {
      u.hostname = `${options.bucket}.${u.hostname}`;
      u.pathname = `${u.pathname.replace(/\/$/, '')}/${safe}`;
    }
    return u.toString();
  };
  const fail = async (what: string, response: Response): Promise<never> => {
    // The body is S3's XML error; its code says enough and carries no secret.
    const text = (await response.text().catch(() => '')).slice(0, 300);
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? text;
    throw new Error(`S3 ${what} failed: HTTP ${response.status} ${code}`);
  };
  return {
    kind: 's3',
    async put(key, bytes, mime) {
      const response = await client.fetch(url(key), {
        method: 'PUT',
        body: new Uint8Array(bytes),
        headers: { 'content-type': mime, 'content-length': String(bytes.length) },
      });
      if (!response.ok) await fail('put', response);
      await response.arrayBuffer();
    },
    async get(key) {
      const response = await client.fetch(url(key));
      if (response.status === 404) {
        await response.arrayBuffer();
        throw missing(key);
      }
      if (!response.ok) await fail('get', response);
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await client.fetch(url(key), { method: 'DELETE' });
      if (!response.ok && response.status !== 404) await fail('delete', response);
      await response.arrayBuffer();
    },
  };
}
