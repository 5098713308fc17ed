import { MailMessage } from './mail/mail-message.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';

export const NOTIFICATION_ENTITIES = [MailMessage, OutboxMessage];
