import sharp from 'sharp';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import {
  Browser,
  createTestApp,
  engines,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';

/** A PNG whose header claims a huge picture: a few bytes that would decode to gigabytes. */
function decompressionBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(50_000, 0);
  header.writeUInt32BE(50_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.alloc(16)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.each(engines)('committee photos on %s', (engine) => {
  let t: TestApp;
  let organiser: Awaited<ReturnType<typeof supporterBrowser>>;
  let committee: Committee;
  const put = (file: Buffer, fileName = 'photo.png') => {
    const { body, headers } = multipart(file, undefined, { fileName });
    return organiser.browser.request('PUT', `/api/committees/${committee.id}/photo`, body, headers);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    organiser = await supporterBrowser(t, 'photo@committees.example');
    committee = (
      await organiser.browser.post('/api/committees', {
        name: 'Comité en photo',
        place: { postalCode: '44000' },
      })
    ).json() as Committee;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('re-encodes a photo as WebP at most 1,200 px without its metadata, served with safe headers', async () => {
    const png = await sharp({
      create: { width: 2400, height: 1600, channels: 3, background: '#c33' },
    })
      .withMetadata({ exif: { IFD0: { Copyright: 'Secret place' } } })
      .jpeg()
      .toBuffer();
    const uploaded = await put(png, 'photo.jpg');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ width: 1200, height: 800 });
    const url = (uploaded.json() as { url: string }).url;
    expect((await new Browser(t.app).get(`/api/committees/${committee.id}`)).json().photoUrl).toBe(
      url,
    );
    const served = await new Browser(t.app).get(url);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'");
    const metadata = await sharp(served.rawPayload).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 1200, height: 800 });
    expect(metadata.exif).toBeUndefined();
    const again = await new Browser(t.app).request('GET', url, undefined, {
      'if-none-match': served.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
  });

  it('refuses what is not a photo, too large or a decompression bomb, and keeps the photo it had', async () => {
    const before = (await organiser.browser.get(`/api/committees/${committee.id}`)).json().photoUrl;
    const text = await put(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png');
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe('not_an_image');
    const svg = await put(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
      ),
      'photo.svg',
    );
    expect(svg.json().code).toBe('not_an_image');
    const bomb = await put(decompressionBomb());
    expect(bomb.statusCode).toBe(413);
    expect(bomb.json().code).toBe('image_too_large');
    const huge = await put(
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6 * 1024 * 1024)]),
      'big.jpg',
    );
    expect(huge.statusCode).toBe(413);
    expect((await organiser.browser.get(`/api/committees/${committee.id}`)).json().photoUrl).toBe(
      before,
    );
  });

  it('lets only the organisers change it', async () => {
    const member = await supporterBrowser(t, 'photo-member@committees.example');
    await member.browser.put(`/api/committees/${committee.id}/membership`, { as: 'member' });
    const { body, headers } = multipart(Buffer.from('x'), undefined, { fileName: 'p.png' });
    const refused = await member.browser.request(
      'PUT',
      `/api/committees/${committee.id}/photo`,
      body,
      headers,
    );
    expect(refused.statusCode).toBe(403);
    expect(
      (await organiser.browser.delete(`/api/committees/${committee.id}/photo`)).statusCode,
    ).toBe(200);
    expect(
      (await new Browser(t.app).get(`/committees/${committee.id}/photo.webp`)).statusCode,
    ).toBe(404);
  });
});
