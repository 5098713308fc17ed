import { MailMessage } from './mail/mail-message.entity';

export const NOTIFICATION_ENTITIES = [MailMessage];
