import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application } from 'express';
import { clientFiles } from './client-files';

const CLIENT_DIST = Symbol('CLIENT_DIST');

/**
 * The built client at `/`, from the same process as the API (ADR 0025: compressed copies, cache headers, the client's
 * own routes). Registered when the app initialises, after the API's routes, as @nestjs/serve-static did before.
 */
@Module({})
export class ClientModule implements OnModuleInit {
  static forRoot(dist: string): DynamicModule {
    return { module: ClientModule, providers: [{ provide: CLIENT_DIST, useValue: dist }] };
  }

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(CLIENT_DIST) private readonly dist: string,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter?.getInstance<Application>().use(clientFiles(this.dist));
  }
}
