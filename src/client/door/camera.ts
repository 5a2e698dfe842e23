import jsQR from "jsqr";

type Detected = { rawValue: string };
type NativeDetector = { detect(source: CanvasImageSource): Promise<Detected[]> };
type NativeDetectorClass = { new (options: { formats: string[] }): NativeDetector; getSupportedFormats(): Promise<string[]> };

/** Frames are scaled down to this many pixels on the long side before jsQR reads them. */
const MAX_SIDE = 800;
/** Pause between two reads, so the phone stays cool and the page responsive. */
const FRAME_GAP_MS = 90;

type Reader = (video: HTMLVideoElement) => Promise<string | null>;

/** The browser's own QR reader where it has one (Android, macOS), else jsQR on a canvas. */
async function makeReader(): Promise<{ read: Reader; kind: "native" | "jsqr" }> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (Native) {
    try {
      if ((await Native.getSupportedFormats()).includes("qr_code")) {
        const detector = new Native({ formats: ["qr_code"] });
        return { kind: "native", read: async (video) => (await detector.detect(video))[0]?.rawValue ?? null };
      }
    } catch {
      // Fall through to jsQR.
    }
  }
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return {
    kind: "jsqr",
    read: async (video) => {
      if (!context || !video.videoWidth) return null;
      const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data ?? null;
    },
  };
}

/**
 * The rear camera, read continuously for QR codes. Each code read is passed to `onCode`;
 * deciding what to do with a code seen again and again is the caller's job.
 */
export class Camera {
  private stream: MediaStream | null = null;
  private running = false;
  private attempts = 0;
  reader: "native" | "jsqr" | null = null;

  constructor(
    private video: HTMLVideoElement,
    private onCode: (text: string) => void,
  ) {}

  static get available(): boolean {
    return Boolean(navigator.mediaDevices?.getUserMedia);
  }

  get active(): boolean {
    return this.running;
  }

  /** Asks for the camera (the browser may ask the person first) and starts reading. */
  async start(): Promise<void> {
    if (this.running) return;
    const attempt = ++this.attempts;
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
    if (attempt !== this.attempts) {
      // Stopped while the browser was asking for permission.
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    this.stream = stream;
    this.video.srcObject = stream;
    await this.video.play();
    const { read, kind } = await makeReader();
    if (attempt !== this.attempts) return;
    this.reader = kind;
    this.running = true;
    void this.loop(read);
  }

  stop(): void {
    this.attempts += 1;
    this.running = false;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.video.srcObject = null;
  }

  private async loop(read: Reader): Promise<void> {
    while (this.running) {
      if (this.video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && !document.hidden) {
        try {
          const text = await read(this.video);
          if (text && this.running) this.onCode(text);
        } catch {
          // A frame that could not be read: try the next.
        }
      }
      await new Promise((resolve) => setTimeout(resolve, FRAME_GAP_MS));
    }
  }
}
