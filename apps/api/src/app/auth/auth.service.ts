import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { LoginResponse, SessionUser } from '@chamber/contracts';
import { LocalizedHttpException } from '../common/errors';
import { UserAccount } from './entities/user-account.entity';
import type { TokenPayload } from './jwt.strategy';
import { dummyPasswordHash, verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserAccount) private readonly users: Repository<UserAccount>,
    private readonly jwt: JwtService,
  ) {}

  /** Same answer, and about the same time, for an unknown email and a wrong password. */
  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase(), active: true } });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) throw new LocalizedHttpException(HttpStatus.UNAUTHORIZED, 'badCredentials');
    const payload: TokenPayload = { sub: user.id, email: user.email, role: user.role, memberId: user.memberId };
    return { accessToken: await this.jwt.signAsync(payload), user: toSessionUser(user) };
  }

  async me(id: string): Promise<SessionUser> {
    const user = await this.users.findOne({ where: { id, active: true } });
    if (!user) throw new LocalizedHttpException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    return toSessionUser(user);
  }
}

export function toSessionUser(u: UserAccount): SessionUser {
  return { id: u.id, email: u.email, role: u.role, memberId: u.memberId, displayName: u.displayName };
}
