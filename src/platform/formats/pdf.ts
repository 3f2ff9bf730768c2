// PDF printed from HTML by Debian's Chromium (`apt-get install chromium`) through playwright-core:
// one browser per owner (an application, a command, a benchmark), started on the first print and
// reused by the next ones, each print in a context of its own with scripts off and the network
// closed (the document is whole: its stylesheet inline, its fonts the system's Noto fonts), closed
// by the owner's shutdown, or after a while with nothing to print. Without Chromium a print fails
// with an error that says what is missing and how to install it.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../errors.ts';

export const pdfMediaType = 'application/pdf';

/** Where Chromium is: `CHROMIUM_PATH` if set, else Debian's. */
export const chromiumPath = (env: Readonly<Record<string, string | undefined>> = process.env) => env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The origin the document is served from, inside the browser only (nothing is listening there). */
const origin = 'http://print.r1540.invalid';

export interface PrinterOptions {
  executablePath?: string;
  /** The browser stops after this long with nothing to print (default 10 minutes); the next print starts it again. */
  idleMs?: number;
}

export class PdfPrinter {
  readonly executablePath: string;
  private readonly idleMs: number;
  private browser: Promise<Browser> | null = null;
  private idle: NodeJS.Timeout | null = null;
  private printing = 0;
  /** Browsers started so far (the benchmark checks it is one). */
  launches = 0;

  constructor(options: PrinterOptions = {}) {
    this.executablePath = options.executablePath ?? chromiumPath();
    this.idleMs = options.idleMs ?? 600_000;
  }

  private start(): Promise<Browser> {
    if (this.browser) return this.browser;
    const starting = (async () => {
      try {
        await access(this.executablePath, constants.X_OK);
      } catch {
        throw new AppError(
          'unavailable',
          `printing a PDF needs Chromium, and there is none at ${this.executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH to it`,
        );
      }
      this.launches++;
      const browser = await chromium.launch({
        executablePath: this.executablePath,
        headless: true,
        timeout: 60_000,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      browser.on('disconnected', () => {
        if (this.browser === starting) this.browser = null;
      });
      return browser;
    })();
    this.browser = starting;
    starting.catch(() => {
      if (this.browser === starting) this.browser = null;
    });
    return starting;
  }

  /** The PDF of a whole HTML document (its paper size and margins from its `@page` rules). */
  async print(html: string): Promise<Buffer> {
    this.printing++;
    if (this.idle) clearTimeout(this.idle);
    try {
      const browser = await this.start();
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // The document and nothing else: no request leaves the browser.
        await page.route('**/*', (route) =>
          route.request().url() === `${origin}/`
            ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
            : route.abort(),
        );
        await page.goto(`${origin}/`, { waitUntil: 'load' });
        return await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true });
      } finally {
        await context.close();
      }
    } finally {
      this.printing--;
      if (this.printing === 0 && this.browser) {
        this.idle = setTimeout(() => void this.close(), this.idleMs);
        this.idle.unref();
      }
    }
  }

  /** Stops the browser, if it was started. */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const started = this.browser;
    this.browser = null;
    const browser = await started?.catch(() => null);
    await browser?.close();
  }
}

const printers = new WeakMap<object, PdfPrinter>();

/** The printer of an owner (an application context): one browser for all its prints. */
export function printerOf(owner: object, options?: PrinterOptions): PdfPrinter {
  let printer = printers.get(owner);
  if (!printer) {
    printer = new PdfPrinter(options);
    printers.set(owner, printer);
  }
  return printer;
}

/** Closes an owner's printer, if it has one (at shutdown). */
export async function closePrinterOf(owner: object): Promise<void> {
  const printer = printers.get(owner);
  printers.delete(owner);
  await printer?.close();
}
