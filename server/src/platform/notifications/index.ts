export type { NewNotification } from './notification.repository.js';
export { notificationRoutes } from './notification.routes.js';
export { notify } from './notification.service.js';
export { notifications } from './notifications.schema.js';
