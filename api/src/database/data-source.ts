import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvFile, readConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

/**
 * For the TypeORM CLI only (npm run migration:generate -- --name=Xyz), to compare the entities
 * with a database. The app itself builds its connection in DatabaseModule.
 */
loadEnvFile();
export default new DataSource({
  ...databaseOptions(readConfig()),
  entities: [__dirname + '/../**/*.entity.ts'],
});
