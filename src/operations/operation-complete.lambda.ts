// placeholder until the handler lands
export async function handler(): Promise<void> {}
