export abstract class HttpSettings {
  abstract readonly apiKeys: string[];
  abstract readonly webhookMaxBodyBytes: number;
}
