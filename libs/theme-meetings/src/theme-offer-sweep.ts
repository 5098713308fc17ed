import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { RegistrationsService } from './registrations.service';

const SWEEP_EVERY_MS = 60_000;

/**
 * The safety net for waitlist offers: every minute, offers whose deadline passed go to the next
 * person. Reading a meeting or a registration expires that meeting's offers first, so this only
 * matters for meetings nobody looks at. Safe with several processes: each offer is expired under
 * its meeting's row lock, once.
 */
@Injectable()
export class ThemeOfferSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ThemeOfferSweep');
  private timer?: NodeJS.Timeout;

  constructor(private readonly registrations: RegistrationsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.registrations
        .expireDue()
        .then((expired) => {
          if (expired > 0) {
            this.logger.log({ expired }, 'expired waitlist offers passed on');
          }
        })
        .catch((error: Error) => this.logger.warn(`offer sweep failed: ${error.message}`));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
