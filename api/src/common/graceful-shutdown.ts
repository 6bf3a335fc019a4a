import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { AppConfig } from '../config/app-config';

/**
 * The first step of shutting down (SIGTERM, SIGINT or app.close()), ADR 0023. Its provider sits in
 * the root module, whose onModuleDestroy Nest calls before any other module's:
 *
 * 1. the schedules stop (no new notification or retention round starts);
 * 2. the server stops accepting connections; a request that still arrives on an open keep-alive
 *    connection is answered with `Connection: close`;
 * 3. requests under way finish, for at most SHUTDOWN_TIMEOUT_SECONDS, after which their connections are cut.
 *
 * Then Nest goes on: the mail worker stops after its round (onModuleDestroy), the access log lands its
 * queued entries and writes the anchor (beforeApplicationShutdown), and the database closes last
 * (onApplicationShutdown).
 */
@Injectable()
export class GracefulShutdown implements OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');
  private inFlight = 0;
  private draining = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
  ) {}

  /** Express middleware: counts the requests under way. */
  readonly track = (_req: Request, res: Response, next: NextFunction): void => {
    this.inFlight++;
    if (this.draining) res.setHeader('Connection', 'close');
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    };
    res.once('finish', finished);
    res.once('close', finished);
    next();
  };

  /** Requests under way now. */
  get requestsInFlight(): number {
    return this.inFlight;
  }

  async onModuleDestroy(): Promise<void> {
    this.draining = true;
    this.stopSchedules();
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server?.listening) server.close();
    if (this.inFlight > 0) {
      const timeoutMs = this.config.shutdownTimeoutSeconds * 1000;
      this.logger.log(`Wacht op ${this.inFlight} lopende verzoeken (hooguit ${this.config.shutdownTimeoutSeconds} s).`);
      const drained = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        this.idle.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!drained) {
        this.logger.warn(
          `${this.inFlight} verzoeken waren na ${this.config.shutdownTimeoutSeconds} s niet klaar; hun verbindingen worden verbroken.`,
        );
        server?.closeAllConnections();
      }
    }
    server?.closeIdleConnections();
  }

  /** The cron jobs and intervals of @nestjs/schedule, when the app runs them (not in a command-line context). */
  private stopSchedules(): void {
    let registry: SchedulerRegistry;
    try {
      registry = this.moduleRef.get(SchedulerRegistry, { strict: false });
    } catch {
      return;
    }
    for (const job of registry.getCronJobs().values()) void job.stop();
    for (const name of registry.getIntervals()) clearInterval(registry.getInterval(name));
  }
}
