import { Camera } from "./camera";
import { unlockAudio } from "./feedback";
import { settings } from "./settings";

/** The camera ignores the code just read until it has been out of view this long. */
const SAME_CODE_MS = 2_000;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const failureText = (err: unknown) => {
  const name = err instanceof DOMException ? err.name : "";
  if (name === "NotAllowedError") return "The camera was not allowed. Allow it in the browser's site settings, or type codes below.";
  if (name === "NotFoundError") return "No camera found. Type codes below, or use a handheld scanner.";
  return "The camera could not start. Type codes below, or reload the page and try again.";
};

/**
 * The camera's part of the page: the start/stop button, the view, its messages. A code is
 * passed on once while it stays in view (a ticket held still is not scanned again and again);
 * shown again after leaving the view, it is scanned again. Codes read while the previous scan
 * is still being decided are dropped: the ticket is still there for the next frame.
 */
export async function cameraPanel(options: { busy: () => boolean; scan: (text: string) => void }): Promise<void> {
  const box = byId("door-camera");
  const button = byId<HTMLButtonElement>("door-camera-toggle");
  const message = byId("door-camera-message");
  let seen = { text: "", at: 0 };
  const camera = new Camera(byId<HTMLVideoElement>("door-video"), (text) => {
    const now = performance.now();
    if (text === seen.text && now - seen.at < SAME_CODE_MS) {
      seen.at = now;
      return;
    }
    if (options.busy()) return;
    seen = { text, at: now };
    options.scan(text);
  });

  const stop = () => {
    camera.stop();
    box.hidden = true;
    button.textContent = "Start camera";
  };
  const start = async () => {
    button.textContent = "Stop camera";
    box.hidden = false;
    message.textContent = "Starting the camera…";
    try {
      await camera.start();
      settings.setCameraOn(true);
      message.textContent = camera.active ? "Hold the QR code inside the frame." : "";
    } catch (err) {
      stop();
      message.textContent = failureText(err);
    }
  };

  if (!Camera.available) {
    button.hidden = true;
    message.textContent = "This browser cannot use the camera here. Type codes below, or use a handheld scanner.";
    return;
  }
  button.addEventListener("click", () => {
    unlockAudio();
    if (button.textContent === "Stop camera") {
      stop();
      settings.setCameraOn(false);
      message.textContent = "";
    } else {
      void start();
    }
  });
  // Back on the scanner with the camera allowed and on last time: start it without a tap.
  if (settings.cameraWasOn()) {
    const permission = await navigator.permissions?.query({ name: "camera" as PermissionName }).catch(() => null);
    if (permission?.state === "granted") void start();
  }
}
