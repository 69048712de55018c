// Decode worker: holds the trajectory, seeks frames and lays out instance matrices off the main
// thread, so scrubbing a 100k-atom trajectory never stalls rendering. Thin shell over FrameBuilder.
import { decodeTrajectory, frameSeries } from '../src/io/trajectory.js';
import { FrameBuilder } from './frame-builder.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

let builder: FrameBuilder | undefined;
const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

function handle(msg: ToWorker): void {
  if (msg.type === 'load') {
    const trajectory = decodeTrajectory(msg.bytes);
    builder = new FrameBuilder(trajectory);
    const series = frameSeries(trajectory);
    const nc = trajectory.header.cationCount;
    scope.postMessage({
      type: 'loaded',
      trajectory: {
        header: trajectory.header,
        frameCount: trajectory.frameCount,
        timeS: trajectory.timeS,
        hgFraction: Float64Array.from(series.Hg, (n) => (nc > 0 ? n / nc : 0)),
        capacity: builder.capacity,
        lowNm: builder.lowNm,
        highNm: builder.highNm,
        byteLength: trajectory.byteLength,
      },
    });
  } else if (msg.type === 'frame') {
    if (builder === undefined) throw new Error('no trajectory loaded');
    const built = builder.build(msg.frame, msg.cut, msg.withAnions);
    const transfer: Transferable[] = Object.values(built.matrices).map((m) => m.buffer);
    if (built.anionColors !== undefined) transfer.push(built.anionColors.buffer);
    scope.postMessage({ type: 'frame', built }, transfer);
  } else if (msg.type === 'recycle') {
    builder?.recycle(msg.layer, msg.buffer);
  }
}

scope.onmessage = (event) => {
  try {
    handle(event.data);
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
