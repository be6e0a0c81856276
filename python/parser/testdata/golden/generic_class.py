class Box[T: (int, str), *Ts, **P](Base):
    pass
