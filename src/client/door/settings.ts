/** This phone's settings, kept in localStorage: its name, sound, verdict timing, whether the camera was on. */
import { words } from "./words";

const keys = { device: "door.device", sound: "door.sound", camera: "door.camera", hold: "door.hold" } as const;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused: the setting lasts until the page closes.
  }
}

const randomTag = () => Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => "ABCDEFGHJKMNPQRSTVWXYZ23456789"[b % 30]).join("");

export const settings = {
  /** The name other phones see ("checked in at 10:41 on …"): the staff member's name and a tag. */
  device(staffName: string): string {
    let name = read(keys.device)?.trim();
    if (!name) {
      name = `${staffName || words().defaultDevice} (${randomTag()})`.slice(0, 60);
      write(keys.device, name);
    }
    return name;
  },
  setDevice(name: string): void {
    write(keys.device, name.trim().slice(0, 60));
  },
  sound: () => read(keys.sound) !== "off",
  setSound: (on: boolean) => write(keys.sound, on ? "on" : "off"),
  /** Keep each verdict on screen until tapped, rather than for a moment (for those who need longer). */
  hold: () => read(keys.hold) === "on",
  setHold: (on: boolean) => write(keys.hold, on ? "on" : "off"),
  cameraWasOn: () => read(keys.camera) === "on",
  setCameraOn: (on: boolean) => write(keys.camera, on ? "on" : "off"),
};
