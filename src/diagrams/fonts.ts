import { createRequire } from 'node:module';

/**
 * The fonts diagrams may use. The renderer loads exactly these files and no system fonts, so a
 * diagram looks the same on every machine. Both are under the SIL Open Font License, from npm.
 */
export const FONT_FAMILIES: readonly string[] = ['Inter', 'JetBrains Mono'];

const FILES = [
  '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  '@expo-google-fonts/inter/500Medium/Inter_500Medium.ttf',
  '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
  '@expo-google-fonts/jetbrains-mono/400Regular/JetBrainsMono_400Regular.ttf',
  '@expo-google-fonts/jetbrains-mono/700Bold/JetBrainsMono_700Bold.ttf',
];

/** Where the font files are installed (resolved only when a diagram is rendered). */
export function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return FILES.map((f) => require.resolve(f));
}
