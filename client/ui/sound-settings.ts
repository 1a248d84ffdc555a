// The sound card: effects and music on or off, and the volume. The audio module remembers them.
import type { Audio as GameAudio } from '../audio/audio.ts';

export class SoundSettings {
  private readonly root = document.getElementById('sound-settings')!;
  private readonly effects = this.root.querySelector<HTMLInputElement>('[name="effects"]')!;
  private readonly music = this.root.querySelector<HTMLInputElement>('[name="music"]')!;
  private readonly volume = this.root.querySelector<HTMLInputElement>('[name="volume"]')!;

  constructor(
    private readonly audio: GameAudio,
    private readonly changed: (anyOn: boolean) => void,
  ) {
    this.effects.addEventListener('change', () => {
      audio.soundOn = this.effects.checked;
      this.report();
    });
    this.music.addEventListener('change', () => {
      audio.musicOn = this.music.checked;
      this.report();
    });
    this.volume.addEventListener('input', () => (audio.volume = Number(this.volume.value) / 100));
    this.root.querySelector('button')!.addEventListener('click', () => (this.root.hidden = true));
    this.report();
  }

  toggle(): void {
    this.effects.checked = this.audio.soundOn;
    this.music.checked = this.audio.musicOn;
    this.volume.value = String(Math.round(this.audio.volume * 100));
    this.root.hidden = !this.root.hidden;
  }

  private report(): void {
    this.changed(this.audio.soundOn || this.audio.musicOn);
  }
}
