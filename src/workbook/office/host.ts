/** The part of office.js the adapter uses: `Excel` itself, or a fake host in tests. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Runs a writing batch with Excel's events off, so that the add-in's own write does
 * not wake every function cell, and always turns them back on: in the batch's own
 * context, or, when that last sync fails, in a run of its own (events left off
 * would silence every function cell until Excel restarts).
 */
export async function withEventsOff<T>(host: ExcelHost, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  let eventsLeftOff = false;
  try {
    return await host.run(async (context) => {
      context.runtime.enableEvents = false;
      try {
        return await batch(context);
      } finally {
        context.runtime.enableEvents = true;
        eventsLeftOff = await context.sync().then(
          () => false,
          () => true,
        );
      }
    });
  } finally {
    if (eventsLeftOff) await enableEvents(host);
  }
}

async function enableEvents(host: ExcelHost): Promise<void> {
  try {
    await host.run(async (context) => {
      context.runtime.enableEvents = true;
      await context.sync();
    });
  } catch {
    // Nothing more can be done from here; the next write turns them on again.
  }
}
