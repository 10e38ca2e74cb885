import { DynamicModule, Module, Provider } from '@nestjs/common';
import { ERP_ADAPTERS } from './erp-port';
import { ErpOutboxRepository } from './erp-outbox.repository';
import { DispatchErpOutboxUseCase } from './dispatch-erp-outbox.use-case';

/** Delivery of ERP write-backs; adapters (e.g. Odoo) are plugged in by the module that owns them. */
@Module({})
export class ErpModule {
  static register(adapterProviders: Provider[] = [], adapterTokens: unknown[] = [], imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: ErpModule,
      imports,
      providers: [
        ...adapterProviders,
        { provide: ERP_ADAPTERS, inject: adapterTokens as never[], useFactory: (...adapters: unknown[]) => adapters },
        ErpOutboxRepository,
        DispatchErpOutboxUseCase,
      ],
      exports: [ErpOutboxRepository, DispatchErpOutboxUseCase, ERP_ADAPTERS],
    };
  }
}
