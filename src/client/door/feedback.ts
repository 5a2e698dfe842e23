export type Tone = "admit" | "warn" | "refuse";

let audio: AudioContext | undefined;

/** Browsers only let a page make sound after a tap or key press: call this from one. */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") void audio.resume();
  } catch {
    // No audio on this device: the screen and vibration still speak.
  }
}

const patterns: Record<Tone, { beeps: Array<[hz: number, ms: number]>; vibrate: number[] }> = {
  admit: { beeps: [[1320, 120]], vibrate: [80] },
  warn: { beeps: [[660, 110], [660, 110]], vibrate: [120, 80, 120] },
  refuse: { beeps: [[220, 450]], vibrate: [400] },
};

/** A short beep pattern (WebAudio) and vibration for a verdict, so the door can look at the person. */
export function signal(tone: Tone): void {
  const { beeps, vibrate } = patterns[tone];
  try {
    navigator.vibrate?.(vibrate);
  } catch {
    // Vibration refused (no user gesture yet, or not supported).
  }
  if (!audio || audio.state !== "running") return;
  let at = audio.currentTime + 0.01;
  for (const [hz, ms] of beeps) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = tone === "refuse" ? "square" : "sine";
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.2, at);
    gain.gain.exponentialRampToValueAtTime(0.001, at + ms / 1000);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + ms / 1000);
    at += (ms + 80) / 1000;
  }
}
