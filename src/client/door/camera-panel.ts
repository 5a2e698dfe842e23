import { Camera } from "./camera";
import { unlockAudio } from "./feedback";
import { settings } from "./settings";
import { words } from "./words";

/** The camera ignores the code just read until it has been out of view this long. */
const SAME_CODE_MS = 2_000;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const failureText = (err: unknown) => {
  const name = err instanceof DOMException ? err.name : "";
  if (name === "NotAllowedError") return words().cameraNotAllowed;
  if (name === "NotFoundError") return words().noCamera;
  return words().cameraFailed;
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
  let on = false;
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
    on = false;
    box.hidden = true;
    button.textContent = words().startCamera;
  };
  const start = async () => {
    on = true;
    button.textContent = words().stopCamera;
    box.hidden = false;
    message.textContent = words().startingCamera;
    try {
      await camera.start();
      settings.setCameraOn(true);
      message.textContent = camera.active ? words().holdInFrame : "";
    } catch (err) {
      stop();
      message.textContent = failureText(err);
    }
  };

  if (!Camera.available) {
    button.hidden = true;
    message.textContent = words().cameraUnavailable;
    return;
  }
  button.addEventListener("click", () => {
    unlockAudio();
    if (on) {
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
