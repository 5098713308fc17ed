import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { loadConfig, type AppConfig } from './app-config';
import { readEnvironment } from './read-environment';

/** Injection token for the validated, typed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

const CONFIG_KEY = 'leerkring';

/**
 * @nestjs/config reads the environment once; our validator turns it into one AppConfig that
 * every other provider injects with `@Inject(APP_CONFIG)`.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      ignoreEnvFile: true,
      cache: true,
      validate: () => ({ [CONFIG_KEY]: loadConfig(readEnvironment()) }),
    }),
  ],
  providers: [
    {
      provide: APP_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService): AppConfig => config.getOrThrow<AppConfig>(CONFIG_KEY),
    },
  ],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
